package liangshan.app.identity.internal;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import liangshan.app.web.ApiException;
import liangshan.app.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may call what. The browser UI signs in with a session cookie and sends the CSRF token from
 * the readable {@code XSRF-TOKEN} cookie (or {@code GET /api/v1/auth/csrf}) in {@code X-XSRF-TOKEN}
 * on every mutation; machine clients send {@code Authorization: Bearer <token>} and need no CSRF
 * token (a browser never adds that header by itself). Unauthenticated API calls get 401 problem+json,
 * never a redirect.
 *
 * <p>Public: the UI files and its client-side routes, division reference data ({@code GET
 * /api/v1/divisions/**}), the public eco-credit register ({@link #PUBLIC_REGISTERS}), the OpenAPI docs and
 * {@code /actuator/health}. {@code /actuator/prometheus} and the other actuator endpoints need a
 * city administrator (session or bearer token: give the scraper a city administrator's token).
 * Everything else under {@code /api} needs a signed-in user; finer rules (scope, roles) are in the
 * modules.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CITY_ADMIN = "CITY_ADMIN";
    static final String COUNTY_OFFICER = "COUNTY_OFFICER";
    static final String AUDITOR = "AUDITOR";

    /** The public eco-credit register (module credits): exactly these lists, as JSON or CSV. */
    static final String[] PUBLIC_REGISTERS = {
        "/api/v1/register/projects", "/api/v1/register/projects.csv",
        "/api/v1/register/issuances", "/api/v1/register/issuances.csv",
        "/api/v1/register/transfers", "/api/v1/register/transfers.csv",
        "/api/v1/register/retirements", "/api/v1/register/retirements.csv",
        "/api/v1/register/obligations", "/api/v1/register/obligations.csv"
    };

    /**
     * Content-Security-Policy for the UI: own scripts only; map tiles and styles may come from
     * other https hosts; MapLibre runs its workers from blob: URLs.
     */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob: https:; font-src 'self' data: https:; connect-src 'self' https:; "
            + "worker-src 'self' blob:; child-src 'self' blob:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    CookieCsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
        return repository;
    }

    /**
     * Sign-in happens only in {@link AuthController}; this bean also stops Spring Boot from creating
     * its in-memory user with a generated default password.
     */
    @Bean
    AuthenticationManager authenticationManager() {
        return authentication -> {
            throw new ProviderNotFoundException("sign in with POST /api/v1/auth/login or a bearer token");
        };
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            CookieCsrfTokenRepository csrfRepository,
            SecurityContextRepository contextRepository,
            UserService users,
            TokenService tokens,
            Problems problems)
            throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(csrfRepository)
                        // Plain (not XOR-masked) tokens: the SPA sends the cookie value back as is.
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
                .securityContext(context -> context.securityContextRepository(contextRepository))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .addFilterAfter(new ActorFilter(users, tokens, problems), CsrfFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                request, response, new ApiException(HttpStatus.UNAUTHORIZED, "auth.required")))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                e instanceof CsrfException
                                        ? new ApiException(HttpStatus.FORBIDDEN, "auth.csrf-invalid")
                                        : new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden"))))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/error")
                        .permitAll()
                        .requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        .requestMatchers(GET, "/api/v1/divisions/**")
                        .permitAll()
                        .requestMatchers(POST, "/api/v1/divisions/boundaries")
                        .hasAnyRole(CITY_ADMIN, COUNTY_OFFICER)
                        .requestMatchers(GET, PUBLIC_REGISTERS)
                        .permitAll()
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/api/v1/audit/verify")
                        .hasAnyRole(CITY_ADMIN, AUDITOR)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**")
                        .hasAnyRole(CITY_ADMIN, AUDITOR, COUNTY_OFFICER)
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(CITY_ADMIN)
                        .anyRequest()
                        .permitAll());
        return http.build();
    }
}
