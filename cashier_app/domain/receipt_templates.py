"""Which template wrote a print.txt: the technician's "by the payment interface's default template, or by
the till vendor's own?" (specs/print-txt.md, design.md flow 2).

A template is known by the sequence of labels it prints (glosses and spaces removed, in order, values not
included): the same template gives the same sequence for every payment. The fingerprint is the first
8 hex digits of the SHA-256 of those labels joined by newlines (UTF-8), so a technician can compare it
with what another till or another app version reported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

UNKNOWN_PREFIX = "unknown:"

# Fingerprint → template name. One row per layout seen in the field; add rows here, not code paths.
KNOWN_TEMPLATES: dict[str, str] = {
    # 聚合支付 签购单, WeChat Pay: 商户名称 商户编号 终端编号 操作员 交易类型 商户订单号 第三方订单号 交易时间 金额 备注
    "4f943dc7": "wechat-default",
    # 聚合支付 签购单, Alipay: as WeChat's, without the 备注 line
    "46a03d6a": "alipay-default",
    # 聚合支付 退款单: 商户名称 终端编号 操作员 交易类型 商户订单号 退款单号 交易时间 退款金额
    "bfe78cc9": "refund-default",
    # Bank-card MIS-POS 签购单: 商户名称 商户编号 终端编号 操作员号 卡号 交易类型 批次号 凭证号 授权码 参考号
    # 日期/时间 金额 (English glosses removed)
    "d20f6d5e": "bankcard-mispos",
    # Till vendor's 收银小票: 单号 收银员 机号 日期 合计 支付方式 实付 商户单号 交易单号
    "50f32614": "vendor",
}


def fingerprint(labels: Sequence[str]) -> str:
    """8 hex digits identifying a sequence of (normalised) labels."""
    return hashlib.sha256("\n".join(labels).encode("utf-8")).hexdigest()[:8]


def template_name(labels: Sequence[str], known: dict[str, str] | None = None) -> str:
    """The known template's name, else `unknown:<fingerprint>`."""
    mark = fingerprint(labels)
    name = (KNOWN_TEMPLATES if known is None else known).get(mark)
    return name if name is not None else f"{UNKNOWN_PREFIX}{mark}"
