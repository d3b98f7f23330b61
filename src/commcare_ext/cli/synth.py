"""``commcare-ext synth``: a synthetic population, for demos, tests and benchmarks."""

import argparse
import sys
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.progress import Progress
from commcare_ext.population import (
    ClosureGap,
    OptionError,
    OutcomeOptions,
    PlantedEffect,
    synthesize,
)


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``synth`` to the command line."""
    parser.description = (
        "Write N synthetic people as QuestionnaireResponses in the five form languages, "
        "the clinic file to extract them with, and what followed: referral Task "
        "histories and PHQ-9/GAD-7/MOS-SSS over time, with effects you plant. "
        "The same seed always gives the same files (docs/population.md)."
    )
    parser.add_argument("--patients", type=_positive, required=True, metavar="N")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="default: 0")
    parser.add_argument(
        "--effect",
        action="append",
        default=[],
        metavar="SUPPORT:MEASURE:POINTS",
        help="plant an effect, e.g. peer-group:phq9:3 (completed peer-group referrals: "
        "PHQ-9 3 points better); repeat for more",
    )
    parser.add_argument(
        "--closure",
        action="append",
        default=[],
        metavar="LANGUAGE:RATIO",
        help="referrals of one form language complete RATIO times as often, e.g. es:0.5",
    )
    parser.add_argument(
        "--follow-up-rate",
        type=float,
        default=0.8,
        metavar="P",
        help="chance each follow-up is attended (default 0.8)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write the population and say what was planted."""
    if not 0 <= args.follow_up_rate <= 1:
        raise CliError("--follow-up-rate: expected a number from 0 to 1", ExitCode.USAGE)
    try:
        options = OutcomeOptions(
            effects=tuple(PlantedEffect.parse(text) for text in args.effect),
            closure=tuple(ClosureGap.parse(text) for text in args.closure),
            follow_up_rate=args.follow_up_rate,
        )
    except OptionError as error:
        raise CliError(str(error), ExitCode.USAGE) from None
    if args.out.exists() and not args.out.is_dir():
        raise CliError(f"--out {args.out}: is a file; name a folder", ExitCode.USAGE)
    with Progress(args.patients, "synthesising", rate=True) as bar:
        summary = synthesize(
            args.patients, args.out, seed=args.seed, options=options, advance=bar.advance
        )
    referrals = sum(summary.referrals.values())
    print(
        f"wrote {summary.patients} people, {referrals} referrals and "
        f"{summary.observations} scores to {args.out}",
        file=sys.stderr,
    )
    for effect in summary.realised:
        print(
            f"planted {effect['support']}:{effect['measure']}:{effect['improvement']:g} - "
            f"realised mean change {effect['mean_change']:+.2f} over {effect['people']} people "
            "(truth.json)",
            file=sys.stderr,
        )
    return ExitCode.OK


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("expected at least 1")
    return value
