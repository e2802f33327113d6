"""Alipay open platform gateway, RSA2 (specs/real-platforms.md §2): signing, states, bills, the adapter."""
