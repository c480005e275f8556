"""Certificate-number validators, one module per format, in the style of python-stdnum.

Every module offers ``compact()``, ``validate()`` (returns the compact number or raises an error
from :mod:`desktop.core.numbers.exceptions`), ``is_valid()`` and ``format()``, plus ``errors()``
(every problem at once, for the checks) and, where the format has digit-only positions,
``fix_confusables()``. Rules the reference marks unconfirmed are never raised: ``doubts()``
returns their keys (see ``unconfirmed`` in resources/number_rules.json) so a check can warn.

Modules: ``ric`` (resident ID), ``residence_permit``, ``fpr`` (foreign permanent resident ID),
``uscc``, ``orgcode``, ``regno`` (old business registration number), ``hk_macao_permit``,
``tw_permit``, ``passport``, ``hkid``, ``macao_id``.
"""
