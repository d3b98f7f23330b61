"""The cultural formulation: the four domains of the DSM-5 Cultural Formulation Interview.

The problem in the patient's words, its causes, stresses and supports, coping and past
help, and the help wanted now; wording is ours, following the CFI's domains.
"""

from commcare_ext.questionnaire.form.common import choice, own_words
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import HELP_SOURCE, IDIOM_OF_DISTRESS, PERCEIVED_CAUSE

FORMULATION = Item(
    "formulation",
    Text("Your understanding of what is happening"),
    field="formulation",
    children=(
        Item(
            "formulation.definition",
            Text("The problem in your words"),
            children=(
                own_words(
                    "formulation.problem",
                    "problem_in_own_words",
                    "What brings you here today? Please describe it the way you would to "
                    "someone close to you.",
                    required=True,
                ),
                own_words(
                    "formulation.problem-others-name",
                    "problem_name_used_by_others",
                    "How do your family, friends or community talk about this kind of problem?",
                ),
                own_words(
                    "formulation.most-troubling",
                    "most_troubling_aspect",
                    "What troubles you most about it?",
                ),
                own_words(
                    "formulation.own-name",
                    "own_name_for_trouble",
                    "Is there a name or a saying that you, or people close to you, use for this "
                    "trouble? Write it the way you say it.",
                ),
                Item(
                    "formulation.idiom",
                    Text(
                        "For the clinician (optional): if the person's words describe one of "
                        "these cultural concepts of distress, choose it. Keep their own words "
                        "above as they are."
                    ),
                    choice(IDIOM_OF_DISTRESS),
                    "idiom_of_distress",
                    control="drop-down",
                    code=q.CULTURAL_CONCEPT_OF_DISTRESS,
                ),
            ),
        ),
        Item(
            "formulation.causes",
            Text("Causes, stresses and supports"),
            children=(
                Item(
                    "formulation.perceived-causes",
                    Text(
                        "What do you think is causing it? Choose all that apply.",
                    ),
                    choice(PERCEIVED_CAUSE),
                    "perceived_causes",
                    repeats=True,
                    control="check-box",
                    code=q.PERCEIVED_CAUSES,
                    observation_extract=True,
                ),
                own_words(
                    "formulation.cause-own-words",
                    "cause_in_own_words",
                    "In your own words, why do you think this is happening to you?",
                ),
                own_words(
                    "formulation.others-view",
                    "others_view_of_cause",
                    "What do people close to you think is causing it?",
                ),
                own_words(
                    "formulation.stressors",
                    "current_stressors",
                    "What is making things harder for you right now (for example at home, "
                    "work, money, or with other people)?",
                ),
                own_words(
                    "formulation.supports-that-help",
                    "supports_that_help",
                    "Who or what makes things easier for you?",
                ),
                own_words(
                    "formulation.identity-relevance",
                    "identity_relevance",
                    "Is there anything about your background, beliefs or identity that you "
                    "would like us to understand about this problem?",
                ),
            ),
        ),
        Item(
            "formulation.coping",
            Text("Coping and help you have tried"),
            children=(
                own_words(
                    "formulation.self-coping",
                    "self_coping",
                    "What have you done on your own to cope with it?",
                ),
                Item(
                    "formulation.past-help",
                    Text(
                        "Where have you looked for help before? Choose all that apply.",
                    ),
                    choice(HELP_SOURCE),
                    "past_help_sources",
                    repeats=True,
                    control="check-box",
                    code=q.PAST_HELP_SOURCES,
                    observation_extract=True,
                ),
                own_words(
                    "formulation.past-help-experience",
                    "past_help_experience",
                    "What was helpful, or not helpful, about that help?",
                    enable_when=(When("formulation.past-help", "exists", True),),
                ),
                own_words(
                    "formulation.past-barriers",
                    "past_barriers",
                    "Has anything kept you from getting the help you needed?",
                ),
            ),
        ),
        Item(
            "formulation.current",
            Text("The help you want now"),
            children=(
                own_words(
                    "formulation.help-wanted",
                    "help_wanted_now",
                    "What kind of help would be most useful to you now?",
                ),
                own_words(
                    "formulation.others-suggested",
                    "others_suggested_help",
                    "Have people close to you suggested other kinds of help?",
                ),
                own_words(
                    "formulation.worries-about-care",
                    "worries_about_care",
                    "Is there anything that worries you about getting care here, for example "
                    "that we might not understand your background?",
                ),
            ),
        ),
    ),
)
