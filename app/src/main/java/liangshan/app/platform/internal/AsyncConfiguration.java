package liangshan.app.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Turns on {@code @Async} for the whole application, so that modules can react to each other's events
 * after commit without holding up the publisher. Spring Boot supplies the {@code applicationTaskExecutor}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {}
