/**
 * Users, roles, data scopes, sign-in (session + CSRF for the UI, bearer tokens for machines) and
 * login throttling. Its API ({@link liangshan.app.identity.Actor}, {@link liangshan.app.identity.CurrentActor},
 * {@link liangshan.app.identity.DataScope}) is what every other module uses to filter by scope.
 */
package liangshan.app.identity;
