"""A visit told again in the sentences after it: the reception of the same visitor is the same visit.

"Menteri Keuangan Purbaya menyambangi Kantor Kementerian PU ... Purbaya tiba pukul 16.43 WIB dan disambut
oleh Menteri PU Dody Hanggodo": news tells a visit by the visitor's going, then by the host's welcome, and the
host's person is often one the knowledge base does not know to head the office visited. Without a day of its
own, such a reception told within ``VISIT_RETOLD_WITHIN`` sentences of the visit, naming the same person, is
that visit (:meth:`linimasa.events.assembly.Assembler._same_parties`); a reception dated on another day is
another visit ("Sepekan sebelumnya, Purbaya juga disambut oleh Gubernur ... Jumat (10/10/2025)").
"""

from __future__ import annotations

from linimasa.events.participants import generic, key

VISIT_RETOLD_WITHIN = 2  # sentences after the visit's last told head


def visit_told_again(group, c) -> bool:
    """Whether candidate ``c`` tells again the visit of ``group`` (see the module's docstring)."""
    if c.match.rule.type != "CONSULT" or c.match.rule.mode != "visit" or group.first.match.rule.mode != "visit":
        return False
    if c.date.strong or c.reference:
        return False
    last = max(h.view.index for h in group.heads)
    if not 0 <= c.view.index - last <= VISIT_RETOLD_WITHIN:
        return False
    told = {key(p) for p in group.participant_list() if p.kind == "person" and not generic(p)}
    return any(key(p) in told for p, _ in c.participants if p.kind == "person")
