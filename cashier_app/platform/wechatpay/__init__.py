"""WeChat Pay API v3 (specs/real-platforms.md §1): signing, verification, states, bills, the adapter."""
