"""The OpenAPI document describes every /api/v1 route and every request schema."""

from __future__ import annotations

import re

import pytest

from app import create_app
from app.api.schemas import Strict
from app.api.spec import OPERATIONS
from app.config import TestingConfig
from app.extensions import db

IGNORED_METHODS = {"HEAD", "OPTIONS"}


@pytest.fixture(scope="module")
def api_app():
    """One app for the module: the document is built from code, not from the database."""
    app = create_app(TestingConfig())
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="module")
def document(api_app):
    response = api_app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    return response.json


def routes(app) -> set[tuple[str, str]]:
    """Every (OpenAPI path, method) the application answers under /api/v1."""
    found = set()
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/"):
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
        found |= {(path, method.lower()) for method in rule.methods - IGNORED_METHODS}
    return found


def documented(document) -> set[tuple[str, str]]:
    return {(path, method) for path, item in document["paths"].items() for method in item}


def resolve(document, ref: str) -> dict:
    assert ref.startswith("#/components/schemas/")
    return document["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def test_it_is_openapi_3(document):
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"]


def test_every_api_route_is_documented(api_app, document):
    expected = routes(api_app)

    assert expected, "the url_map has no /api/v1 routes"
    assert expected - documented(document) == set()


def test_nothing_is_documented_that_does_not_exist(api_app, document):
    assert documented(document) - routes(api_app) == set()


def test_path_parameters_are_declared(document):
    for path, item in document["paths"].items():
        names = set(re.findall(r"{(\w+)}", path))
        for method, operation in item.items():
            declared = {p["name"] for p in operation["parameters"] if p["in"] == "path"}
            assert declared == names, f"{method.upper()} {path}"


def test_every_request_schema_is_published(document):
    published = document["components"]["schemas"]
    request_models = {op.body for op in OPERATIONS if op.body is not None}

    assert request_models
    for model in request_models:
        assert model.__name__ in published, model.__name__
        schema = published[model.__name__]
        assert set(schema.get("properties", {})) == set(model.model_fields), model.__name__
        required = {name for name, f in model.model_fields.items() if f.is_required()}
        assert set(schema.get("required", [])) == required, model.__name__


def test_every_operation_with_a_request_schema_refers_to_it(document):
    for op in OPERATIONS:
        if op.body is None:
            continue
        path = re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", op.rule)
        content = document["paths"][path][op.method]["requestBody"]["content"]
        ref = content["application/json"]["schema"]["$ref"]
        assert ref == f"#/components/schemas/{op.body.__name__}", f"{op.method} {path}"


def test_request_bodies_point_at_published_schemas(document):
    bodies = 0
    for item in document["paths"].values():
        for operation in item.values():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                bodies += 1
                schema = content["application/json"]["schema"]
                assert resolve(document, schema["$ref"]) if "$ref" in schema else schema["type"]

    assert bodies >= 8


def test_known_operations_have_their_schemas_and_statuses(document):
    paths = document["paths"]
    register = paths["/api/v1/users"]["post"]
    invite = paths["/api/v1/rooms/{room_id}/invites"]["post"]

    assert register["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/UserCreate"
    )
    assert {"201", "409", "422"} <= set(register["responses"])
    assert "security" not in register
    assert {"201", "401", "403", "404", "422"} <= set(invite["responses"])
    role = resolve(
        document, invite["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    )["properties"]["role"]
    assert set(role["enum"]) == {"supervisor", "member", "trainee"}


def test_errors_are_documented_as_problems(document):
    problem = document["components"]["schemas"]["Problem"]

    assert set(problem["required"]) == {"type", "title", "status", "detail"}
    me = document["paths"]["/api/v1/me"]["get"]["responses"]["401"]
    assert "application/problem+json" in me["content"]


def test_no_request_schema_is_left_out(document):
    """A request model the document does not show is input the API takes undocumented."""
    models = set()
    pending = [Strict]
    while pending:
        for sub in pending.pop().__subclasses__():
            models.add(sub)
            pending.append(sub)
    bases = {base for model in models for base in model.__mro__[1:]}

    published = document["components"]["schemas"]
    missing = {m.__name__ for m in models if m.__name__ not in published and m not in bases}
    assert missing == set()
