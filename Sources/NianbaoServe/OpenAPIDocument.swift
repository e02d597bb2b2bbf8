/// The API as an OpenAPI 3.1 document, served at `GET /openapi.json`.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "nianbao serve",
    "version": "0.1.0",
    "description": "Converts government information-disclosure annual reports (政府信息公开工作年度报告) into the nianbao report contract (nianbao.report/1), validates them and writes JSON, CSV or DOCX. The same readers, contract and diagnostics as the nianbao CLI."
  },
  "servers": [{ "url": "http://127.0.0.1:8080" }],
  "components": {
    "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
    "schemas": {
      "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
          "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
              "code": { "type": "string" },
              "message": { "type": "string" },
              "stage": { "type": "string", "enum": ["read", "parse", "recognize", "write"] }
            }
          }
        }
      },
      "Report": { "type": "object", "description": "A report in the nianbao.report/1 contract; its JSON Schema is GET /v1/schema.", "required": ["schema", "source"] },
      "Validation": {
        "type": "object",
        "required": ["reports", "summary"],
        "properties": {
          "reports": { "type": "array", "items": { "type": "object" } },
          "summary": { "type": "object", "required": ["checked", "clean", "with_breaks", "failed", "by_rule"] }
        }
      }
    },
    "parameters": {
      "filename": { "name": "filename", "in": "query", "required": false, "schema": { "type": "string" }, "description": "The input's file name (its extension names the format); or a Content-Disposition header with filename=." }
    },
    "requestBodies": {
      "Input": {
        "required": true,
        "content": {
          "application/octet-stream": { "schema": { "type": "string", "format": "binary" } },
          "multipart/form-data": { "schema": { "type": "object", "properties": { "file": { "type": "string", "format": "binary" } } } }
        }
      }
    },
    "responses": {
      "BadRequest": { "description": "Bad request (no file name, unknown option, malformed multipart).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Unauthorized": { "description": "Missing or wrong bearer token.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "TooLarge": { "description": "The body is over --max-body.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Unsupported": { "description": "Not a format nianbao reads.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "NotAReport": { "description": "Unreadable document, or not a report.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Busy": { "description": "All conversion slots and the queue are full.", "headers": { "Retry-After": { "schema": { "type": "integer" } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
      "Timeout": { "description": "A child process (LibreOffice, pdftotext) ran out of time and was stopped.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
    }
  },
  "security": [{ "bearer": [] }, {}],
  "paths": {
    "/v1/convert": {
      "post": {
        "operationId": "convert",
        "summary": "Convert one report (text, DOCX, HTML, PDF, .doc/.wps/.rtf/.odt).",
        "parameters": [
          { "$ref": "#/components/parameters/filename" },
          { "name": "to", "in": "query", "required": false, "schema": { "type": "string", "enum": ["json", "jsonl", "csv", "csv-long", "docx"], "default": "json" } }
        ],
        "requestBody": { "$ref": "#/components/requestBodies/Input" },
        "responses": {
          "200": {
            "description": "The report, exactly as `nianbao convert` writes it.",
            "content": {
              "application/json": { "schema": { "$ref": "#/components/schemas/Report" } },
              "application/x-ndjson": { "schema": { "type": "string" } },
              "text/csv": { "schema": { "type": "string" } },
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { "schema": { "type": "string", "format": "binary" } }
            }
          },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/Unsupported" },
          "422": { "$ref": "#/components/responses/NotAReport" },
          "503": { "$ref": "#/components/responses/Busy" },
          "504": { "$ref": "#/components/responses/Timeout" }
        }
      }
    },
    "/v1/convert-batch": {
      "post": {
        "operationId": "convertBatch",
        "summary": "Convert a zip of inputs, or several multipart files, to JSONL: one report per line, and one {\"error\": {file, stage, message}} line per input that failed.",
        "parameters": [{ "$ref": "#/components/parameters/filename" }],
        "requestBody": {
          "required": true,
          "content": {
            "application/zip": { "schema": { "type": "string", "format": "binary" } },
            "multipart/form-data": { "schema": { "type": "object", "properties": { "files": { "type": "array", "items": { "type": "string", "format": "binary" } } } } }
          }
        },
        "responses": {
          "200": { "description": "JSONL.", "content": { "application/x-ndjson": { "schema": { "type": "string" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/Unsupported" },
          "503": { "$ref": "#/components/responses/Busy" }
        }
      }
    },
    "/v1/validate": {
      "post": {
        "operationId": "validate",
        "summary": "Check a report (a nianbao JSON, or a document with ?filename=) against the schema and the rules, as `nianbao validate --format json`.",
        "parameters": [{ "$ref": "#/components/parameters/filename" }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object" } }, "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
        "responses": {
          "200": { "description": "Its diagnostics.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Validation" } } } },
          "400": { "$ref": "#/components/responses/BadRequest" },
          "401": { "$ref": "#/components/responses/Unauthorized" },
          "413": { "$ref": "#/components/responses/TooLarge" },
          "415": { "$ref": "#/components/responses/Unsupported" },
          "422": { "$ref": "#/components/responses/NotAReport" },
          "503": { "$ref": "#/components/responses/Busy" },
          "504": { "$ref": "#/components/responses/Timeout" }
        }
      }
    },
    "/v1/schema": {
      "get": { "operationId": "schema", "summary": "The JSON Schema of a report.", "responses": { "200": { "description": "JSON Schema (draft 2020-12).", "content": { "application/schema+json": { "schema": { "type": "object" } } } }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
    },
    "/healthz": {
      "get": { "operationId": "health", "security": [], "summary": "The process answers.", "responses": { "200": { "description": "ok", "content": { "application/json": { "schema": { "type": "object", "required": ["status"], "properties": { "status": { "type": "string" } } } } } } } }
    },
    "/readyz": {
      "get": { "operationId": "ready", "security": [], "summary": "Readers, pdftotext and LibreOffice available.", "responses": {
        "200": { "description": "ready", "content": { "application/json": { "schema": { "type": "object", "required": ["status"] } } } },
        "503": { "description": "pdftotext or LibreOffice missing", "content": { "application/json": { "schema": { "type": "object", "required": ["status"] } } } } } }
    },
    "/version": {
      "get": { "operationId": "version", "summary": "The service's version.", "responses": { "200": { "description": "version", "content": { "application/json": { "schema": { "type": "object", "required": ["name", "version", "api"] } } } }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
    },
    "/metrics": {
      "get": { "operationId": "metrics", "summary": "Counters in Prometheus's text format: nianbao_http_requests_total{route,method,status}, nianbao_http_request_duration_seconds{route} (histogram), nianbao_conversions_total{format,outcome} (outcome ok or the error code).", "responses": { "200": { "description": "Prometheus text exposition format 0.0.4", "content": { "text/plain": { "schema": { "type": "string" } } } }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
    },
    "/openapi.json": {
      "get": { "operationId": "openapi", "summary": "This document.", "responses": { "200": { "description": "OpenAPI 3.1", "content": { "application/json": { "schema": { "type": "object" } } } }, "401": { "$ref": "#/components/responses/Unauthorized" } } }
    },
    "/": {
      "get": { "operationId": "uploadPage", "security": [], "summary": "The upload page.", "responses": { "200": { "description": "HTML", "content": { "text/html": { "schema": { "type": "string" } } } } } }
    }
  }
}
"""#
}
