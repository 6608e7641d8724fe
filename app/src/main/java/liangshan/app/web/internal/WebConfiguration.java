package liangshan.app.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Locale;
import java.util.TreeSet;
import liangshan.app.web.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Wiring of the web conventions: message bundles of all modules, the request's language, and the
 * servlet filters in their order: request id first, then body size, then (after Spring Security at
 * order -100) idempotency and the UI fallback.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebConfiguration {

    /** After Spring Security's filter chain (order -100), so the actor is known. */
    static final int AFTER_SECURITY = 0;

    /**
     * Every {@code i18n/<module>_zh.properties} on the classpath is a bundle, so a new module only
     * adds its two files. Bundles are UTF-8; Chinese is the default language.
     */
    @Bean
    MessageSource messageSource() {
        TreeSet<String> basenames = new TreeSet<>();
        try {
            for (Resource r :
                    new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_zh.properties")) {
                String name = r.getFilename();
                basenames.add("classpath:i18n/" + name.substring(0, name.length() - "_zh.properties".length()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list message bundles", e);
        }
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames.toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.CHINESE);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(java.util.List.of(Locale.CHINESE, Locale.ENGLISH));
        resolver.setDefaultLocale(Locale.CHINESE);
        return resolver;
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> bean = new FilterRegistrationBean<>(new RequestIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        bean.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(WebProperties properties, Problems problems) {
        FilterRegistrationBean<BodySizeFilter> bean = new FilterRegistrationBean<>(
                new BodySizeFilter(properties.maxJsonBody().toBytes(), problems));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            JdbcClient jdbc, Problems problems, Clock clock, WebProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> bean = new FilterRegistrationBean<>(
                new IdempotencyFilter(new IdempotencyStore(jdbc), problems, clock, properties));
        bean.setOrder(AFTER_SECURITY);
        return bean;
    }

    @Bean
    FilterRegistrationBean<SpaFallbackFilter> spaFallbackFilter() {
        FilterRegistrationBean<SpaFallbackFilter> bean = new FilterRegistrationBean<>(new SpaFallbackFilter());
        bean.setOrder(AFTER_SECURITY + 1);
        return bean;
    }
}
