package liangshan.app.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * OpenAPI description of {@code /api/v1}, served at {@code /api/docs/openapi.json} (UI at
 * {@code /api/docs}). Two ways to authenticate: the UI's session cookie (mutations then need the
 * {@code X-XSRF-TOKEN} header from {@code GET /api/v1/auth/csrf}), or a bearer API token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI liangshanOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("两山 Liangshan API")
                        .version("v1")
                        .description("衢州生态“标准地”平台接口 / API of the Quzhou eco-development "
                                + "\"standard land\" platform. Errors are RFC 9457 problem+json with a stable "
                                + "`code` and zh/en messages; mutations accept an `Idempotency-Key` header; "
                                + "lists take `page` (from 0) and `size` (at most 500)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "session",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("JSESSIONID")
                                        .description("Session from POST /api/v1/auth/login"))
                        .addSecuritySchemes(
                                "csrf",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-XSRF-TOKEN")
                                        .description("CSRF token from GET /api/v1/auth/csrf (session mutations)"))
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("API token from POST /api/v1/me/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("session").addList("csrf"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    GroupedOpenApi apiV1() {
        return GroupedOpenApi.builder().group("v1").pathsToMatch("/api/v1/**").build();
    }
}
