/**
 * Cross-cutting runtime of the platform: the data directory, the database (embedded PostgreSQL by
 * default, an external server by configuration), the clock and the command-line launcher.
 * Business modules use its API types ({@link liangshan.app.platform.CliCommand},
 * {@link liangshan.app.platform.DataDirectory}); nothing here knows about business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package liangshan.app.platform;
