package liangshan.app.identity.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
            String password) {}

    /** Only the fields present change. */
    record UpdateUser(
            @Size(min = 1, max = 100) String displayName, List<@NotNull Role> roles, String scope, Boolean enabled) {}

    record Login(@NotBlank String username, @NotBlank String password) {}

    record ChangePassword(
            @NotBlank String currentPassword, @NotBlank String newPassword) {}

    record CreateToken(@NotBlank @Size(max = 100) String name) {}
}
