/**
 * Cross-cutting HTTP conventions of {@code /api/v1}: RFC 9457 problem+json errors with stable codes
 * and zh/en messages, pagination, {@code Idempotency-Key} replay, request ids, OpenAPI, and serving
 * the single-page UI.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package liangshan.app.web;
