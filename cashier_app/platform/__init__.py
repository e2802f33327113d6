"""The merchant platform client (specs/merchant-platform-api.md): signing, verification, retries."""
