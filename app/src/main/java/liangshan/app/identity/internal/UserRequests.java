package liangshan.app.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import liangshan.app.identity.Role;

/** Request bodies of the identity API. Semantic checks (scope, role rules) are in {@link UserService}. */
final class UserRequests {

    private UserRequests() {}

    /**
     * @param password optional initial password; when absent a one-time password is generated and
     *     answered once. Either way the user must change it at first sign-in.
     */
    record CreateUser(
            @NotBlank @Size(min = 3, max = 64) String username,
            @Size(max = 100) String displayName,
            @NotEmpty List<@NotNull Role> roles,
            @NotBlank String scope,
            String password,
            @Positive Long partyId) {

        /** A user that acts for no party. */
        CreateUser(String username, String displayName, List<Role> roles, String scope, String password) {
            this(username, displayName, roles, scope, password, null);
        }
    }

    /** Only the fields present change. */
    record UpdateUser(
            @Size(min = 1, max = 100) String displayName,
            List<@NotNull Role> roles,
            String scope,
            Boolean enabled,
            @Positive Long partyId) {}

    record Login(
            @NotBlank @Size(max = 200) String username,
            @NotBlank @Size(max = 1000) String password) {}

    record ChangePassword(
            @NotBlank String currentPassword, @NotBlank String newPassword) {}

    record CreateToken(@NotBlank @Size(max = 100) String name) {}
}
