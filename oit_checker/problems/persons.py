"""Problems of items that list people (the executives): a listed person lacks an element that
every one of them must have (see ``oit_checker.assess.persons``)."""

from oit_checker.problems import ProblemSpec, register

register(
    ProblemSpec(
        "person_missing_elements",
        "{person} ({position}) ไม่มี{missing} ต้องมีครบทุกคน ไม่ใช่เฉพาะบางคน",
        "{person} ({position}) has no {missing_en}; every listed person needs it, not only some.",
    ),
)
