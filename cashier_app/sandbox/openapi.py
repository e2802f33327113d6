"""The OpenAPI 3.0 document of MP API v1 as the sandbox serves it (GET /openapi.json)."""

from __future__ import annotations

from typing import Any

from cashier_app.domain.orders import OrderState
from cashier_app.sandbox import terminal
from cashier_app.sandbox.orders import CHANNELS, TRADE_TYPES

_STATES = [s.value for s in OrderState]
_ISO = {"type": "string", "format": "date-time"}
_ISO_NULL = {"type": "string", "format": "date-time", "nullable": True}
_NUMBER = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": r"^\s*[0-9A-Za-z０-９Ａ-Ｚａ-ｚ_-]+\s*$"}
_ERRORS: dict[str, tuple[str, list[str]]] = {
    "400": ("Invalid parameters", ["INVALID_PARAMS"]),
    "401": ("Signature, timestamp or nonce refused", ["SIGN_ERROR", "TIMESTAMP_EXPIRED", "NONCE_REPLAYED"]),
    "403": ("Terminal not bound", ["TERMINAL_NOT_BOUND"]),
    "404": ("Order not found", ["ORDER_NOT_EXIST", "CHANNEL_NO_NOT_QUERYABLE"]),
    "409": ("Conflict", ["SYNC_IN_PROGRESS", "ORDER_NOT_CLOSABLE"]),
    "422": ("Idempotency key reused", ["IDEMPOTENCY_KEY_REUSED"]),
    "429": ("Too frequent", ["FREQUENCY_LIMITED"]),
    "500": ("Platform error", ["SYSTEM_ERROR"]),
    "502": ("Channel error", ["CHANNEL_ERROR"]),
    "503": ("Maintenance", ["MAINTENANCE"]),
}
_SIGNED_HEADERS = {
    "X-Timestamp": {"description": "Unix seconds", "required": True, "schema": {"type": "string", "pattern": r"^\d+$"}},
    "X-Nonce": {"description": "16-32 characters of [A-Za-z0-9]", "required": True,
                "schema": {"type": "string", "pattern": r"^[A-Za-z0-9]{16,32}$"}},
    "X-Sign": {"description": "HMAC-SHA256 over TIMESTAMP\\nNONCE\\nBODY\\n, lower-case hex", "required": True,
               "schema": {"type": "string", "pattern": r"^[0-9a-f]{64}$"}},
}


def _envelope(data: dict[str, Any], codes: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["code", "msg", "request_id", "data"],
        "properties": {
            "code": {"type": "string", "enum": codes},
            "msg": {"type": "string"},
            "request_id": {"type": "string", "minLength": 1},
            "data": data,
        },
    }


def _responses(data_ref: str, errors: list[str]) -> dict[str, Any]:
    responses: dict[str, Any] = {
        "200": {
            "description": "Success (signed)",
            "headers": _SIGNED_HEADERS,
            "content": {"application/json": {"schema": _envelope({"$ref": data_ref}, ["SUCCESS"])}},
        }
    }
    for status in errors:
        description, _codes = _ERRORS[status]
        headers = dict(_SIGNED_HEADERS)
        if status == "429":
            headers["Retry-After"] = {"description": "seconds to wait", "required": True,
                                      "schema": {"type": "string", "pattern": r"^\d+$"}}
        responses[status] = {
            "description": f"{description} (signed)",
            "headers": headers,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}},
        }
    return responses


def _signed_parameters(idempotent: bool) -> list[dict[str, Any]]:
    params = [{"$ref": f"#/components/parameters/{name}"}
              for name in ("MchNo", "TerminalNo", "Timestamp", "Nonce", "Sign")]
    if idempotent:
        params.append({"$ref": "#/components/parameters/IdempotencyKey"})
    return params


_COMMON_ERRORS = ["400", "401", "403", "429", "500", "502", "503"]


def build_openapi(server_url: str | None = None) -> dict[str, Any]:
    order_props: dict[str, Any] = {
        "out_trade_no": {"type": "string", "description": "商户订单号 = 平台订单号"},
        "channel_trade_no": {"type": "string", "nullable": True,
                             "description": "第三方订单号; null until the channel's success notice"},
        "channel": {"type": "string", "enum": list(CHANNELS)},
        "trade_type": {"type": "string", "enum": list(TRADE_TYPES)},
        "state": {"type": "string", "enum": _STATES},
        "channel_state": {"type": "string", "nullable": True},
        "total_amount": {"type": "integer", "minimum": 1, "description": "fen"},
        "paid_amount": {"type": "integer", "minimum": 0},
        "refund_amount": {"type": "integer", "minimum": 0},
        "subject": {"type": "string"},
        "store_no": {"type": "string"},
        "terminal_no": {"type": "string"},
        "operator": {"type": "string"},
        "created_at": _ISO,
        "paid_at": _ISO_NULL,
        "updated_at": _ISO,
        "last_synced_at": _ISO_NULL,
    }
    lookup_by_out = {"type": "object", "required": ["out_trade_no"], "additionalProperties": False,
                     "properties": {"out_trade_no": _NUMBER}}
    lookup_by_channel = {"type": "object", "required": ["channel_trade_no"], "additionalProperties": False,
                         "properties": {"channel_trade_no": _NUMBER}}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {
            "title": "Merchant platform API (sandbox)",
            "version": "1",
            "description": "MP API v1 (specs/merchant-platform-api.md). Every request and every answer "
                           "is signed: HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n.",
        },
        "paths": {
            "/api/v1/orders/query": {"post": {
                "operationId": "queryOrder",
                "summary": "The platform's own record of one order (does not ask the channel)",
                "parameters": _signed_parameters(False),
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderLookup"}}}},
                "responses": _responses("#/components/schemas/Order", [*_COMMON_ERRORS, "404"]),
            }},
            "/api/v1/orders/sync": {"post": {
                "operationId": "syncOrder",
                "summary": "Ask the channel now (补单) and move the platform's record forward",
                "parameters": _signed_parameters(True),
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/OrderLookup"}}}},
                "responses": _responses("#/components/schemas/SyncResult", [*_COMMON_ERRORS, "404", "409", "422"]),
            }},
            "/api/v1/orders/list": {"post": {
                "operationId": "listOrders",
                "summary": "This terminal's orders updated at or after updated_since, oldest first",
                "parameters": _signed_parameters(False),
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ListRequest"}}}},
                "responses": _responses("#/components/schemas/OrderPage", _COMMON_ERRORS),
            }},
            "/api/v1/orders/close": {"post": {
                "operationId": "closeOrder",
                "summary": "Close an unpaid (CREATED or USERPAYING) order",
                "parameters": _signed_parameters(True),
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": lookup_by_out}}},
                "responses": _responses("#/components/schemas/Order", [*_COMMON_ERRORS, "404", "409", "422"]),
            }},
        },
        "components": {
            "parameters": {
                "MchNo": {"name": "X-Mch-No", "in": "header", "required": True,
                          "schema": {"type": "string", "example": terminal.MERCHANT_NO}},
                "TerminalNo": {"name": "X-Terminal-No", "in": "header", "required": True,
                               "schema": {"type": "string", "example": terminal.TERMINAL_NO}},
                "Timestamp": {"name": "X-Timestamp", "in": "header", "required": True,
                              "schema": {"type": "string", "pattern": r"^\d{1,12}$"}},
                "Nonce": {"name": "X-Nonce", "in": "header", "required": True,
                          "schema": {"type": "string", "pattern": r"^[A-Za-z0-9]{16,32}$"}},
                "Sign": {"name": "X-Sign", "in": "header", "required": True,
                         "schema": {"type": "string", "pattern": r"^[0-9a-f]{64}$"}},
                "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": True,
                                   "schema": {"type": "string", "minLength": 8, "maxLength": 64,
                                              "pattern": r"^[A-Za-z0-9_-]{8,64}$"}},
            },
            "schemas": {
                "Order": {"type": "object", "required": list(order_props), "properties": order_props},
                "OrderLookup": {"oneOf": [lookup_by_out, lookup_by_channel],
                                "description": "exactly one of out_trade_no / channel_trade_no"},
                "ListRequest": {
                    "type": "object", "additionalProperties": False,
                    "properties": {
                        "updated_since": _ISO,
                        "state": {"type": "string", "enum": _STATES, "nullable": True},
                        "page_size": {"type": "integer", "minimum": 1, "maximum": 200},
                        "cursor": {"type": "string", "nullable": True},
                    },
                },
                "OrderPage": {
                    "type": "object", "required": ["orders", "next_cursor"],
                    "properties": {
                        "orders": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}},
                        "next_cursor": {"type": "string", "nullable": True},
                    },
                },
                "SyncResult": {
                    "type": "object", "required": ["order", "sync"],
                    "properties": {
                        "order": {"$ref": "#/components/schemas/Order"},
                        "sync": {
                            "type": "object", "required": ["upstream_state", "changed", "synced_at"],
                            "properties": {
                                "upstream_state": {"type": "string", "enum": _STATES},
                                "changed": {"type": "boolean"},
                                "synced_at": _ISO,
                            },
                        },
                    },
                },
                "ErrorEnvelope": {
                    "type": "object", "required": ["code", "msg", "request_id", "data"],
                    "properties": {
                        "code": {"type": "string", "enum": sorted({c for _, cs in _ERRORS.values() for c in cs})},
                        "msg": {"type": "string"},
                        "request_id": {"type": "string", "minLength": 1},
                        "data": {"nullable": True},
                    },
                },
            },
        },
    }
    if server_url:
        doc["servers"] = [{"url": server_url}]
    return doc
