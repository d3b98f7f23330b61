"""examples/match_supports.py runs the whole flow: intake -> matches -> referral Bundles."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_example_refers_to_the_best_proposal(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "match_supports.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "chosen: The Quiet Room -> support-faith-community" in done.stdout
    message_file = tmp_path / "referral-message.json"
    assert message_file.stat().st_mode & 0o777 == 0o600
    message = json.loads(message_file.read_text(encoding="utf-8"))
    resources = [entry["resource"] for entry in message["entry"]]
    assert resources[0]["resourceType"] == "MessageHeader"
    organizations = {r["id"]: r for r in resources if r["resourceType"] == "Organization"}
    (request,) = [r for r in resources if r["resourceType"] == "ServiceRequest"]
    performer = request["performer"][0]["reference"]
    receiver = next(
        organizations[key]
        for key in organizations
        if performer.endswith(key) or performer == f"Organization/{key}"
    )
    assert receiver["name"] == "Dar al-Salam Community Center"
    (service,) = [r for r in resources if r["resourceType"] == "HealthcareService"]
    assert service["name"] == "The Quiet Room"
    assert service["providedBy"]["reference"] == performer
    # Her own choice for this organisation adds her barriers to the general choice.
    assert '"barrier-' in json.dumps(message)
    transaction = json.loads((tmp_path / "transaction.json").read_text(encoding="utf-8"))
    assert transaction["type"] == "transaction"
