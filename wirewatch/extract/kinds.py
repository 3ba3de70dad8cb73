"""What kind of act each PLOVER type is, as the rules need to know it: physical or said,
violent, cooperative, done to a place, done together."""

from __future__ import annotations

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
YIELDING = {"RETREAT", "CONCEDE"}
"""Giving way: promised, it is an agreement ("will release the hostages", PLOVER AGREE);
promised not to be, like a cooperative act, a refusal ("will not lift the ban", REJECT)."""
THEME_TYPES = {"AID", "MOBILIZE", "SANCTION", "PROTEST", "COOPERATE", "INVESTIGATE", "AGREE",
               "DISAPPROVE", "CONCEDE"}
"""Types whose object, even a person, is the thing given or done ("sent workers"); for the
others an object from the trigger's list is the act only when it names no one ("held talks")."""
RECEIVING = {"AID", "COOPERATE"}
"""Types with a recipient (PLOVER: who gets the aid or the cooperation), the target as read."""
CONFLICTUAL = {"ASSAULT", "FIGHT", "COERCE", "SANCTION", "PROTEST"}
"""Acts whose stated intent is a threat (PLOVER THREATEN), as AGREE is for cooperative ones.
Not MOBILIZE: "will send troops to Russia" may be help to an ally."""
PHYSICAL = {"ASSAULT", "FIGHT", "COERCE", "PROTEST", "MOBILIZE", "CRIME"}
"""Material acts that are events even when the text names no one ("a bomb exploded in the
market", "ten people were killed"): a news report of violence is never commentary."""
VIOLENT = {"ASSAULT", "FIGHT"}
"""Acts that are events even when told by a participle ("shells fired at the town")."""
PLACE_TARGETED = PHYSICAL | {"SANCTION", "RETREAT", "AID", "CONCEDE", "THREATEN", "AGREE",
                             "REJECT", "DEMAND", "DISAPPROVE", "INVESTIGATE"}
"""Acts done to a place when no one is named ("eased emergency measures in Montenegro"); a
meeting in Paris, support or cooperation there is not done to France."""
RECIPROCAL = {"CONSULT", "COOPERATE", "FIGHT", "AGREE"}
"""Acts done together: with several doers and no one else named ("Jordan and Britain agreed
to hold joint exercises", "India and Pakistan clashed"), each doer is the other's
counterpart, as dyadic coders code them both ways."""
OWN_COUNTRY = {"PROTEST", "CONCEDE"}
"""Acts that, with no one and no place named, are aimed at the doer's own government, as
ICEWS and PLOVER coders code them (``aims.Aims.own_country``)."""

ARMED_SECTORS = frozenset({"military", "police", "rebels"})
"""The sectors that bear arms: their adjective names an attack's doer ("a U.S. [military]
airstrike"), their posts are theirs ("an army post"), and their acts are no accident."""

__all__ = ["ARMED_SECTORS", "CONFLICTUAL", "COOPERATIVE", "OWN_COUNTRY", "PHYSICAL",
           "PLACE_TARGETED", "RECEIVING", "RECIPROCAL", "THEME_TYPES", "VIOLENT", "YIELDING"]
