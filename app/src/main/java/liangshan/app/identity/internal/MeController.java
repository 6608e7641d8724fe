package liangshan.app.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import liangshan.app.identity.Actor;
import liangshan.app.identity.CurrentActor;
import liangshan.app.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me}: the signed-in user, the own password and the own API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "当前用户 / the signed-in user")
class MeController {

    /** The signed-in user as the UI needs it. */
    record Me(
            long id,
            String username,
            String displayName,
            List<String> roles,
            List<UserView.RoleName> roleNames,
            UserView.Scope scope,
            Long partyId,
            boolean mustChangePassword) {

        static Me of(UserView v) {
            return new Me(
                    v.id(),
                    v.username(),
                    v.displayName(),
                    v.roles().stream().map(Enum::name).toList(),
                    v.roleNames(),
                    v.scope(),
                    v.partyId(),
                    v.mustChangePassword());
        }
    }

    private final CurrentActor current;
    private final UserService users;
    private final TokenService tokens;

    MeController(CurrentActor current, UserService users, TokenService tokens) {
        this.current = current;
        this.users = users;
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "当前用户 / the signed-in user")
    Me me() {
        return Me.of(users.get(signedIn(), signedIn().userId()));
    }

    @PostMapping("/password")
    @Operation(summary = "修改密码 / change the own password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody UserRequests.ChangePassword body) {
        users.changePassword(signedIn(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/tokens")
    @Operation(summary = "新建 API 令牌（只显示一次） / create an API token (shown once)")
    ResponseEntity<TokenService.CreatedToken> createToken(@Valid @RequestBody UserRequests.CreateToken body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(tokens.create(signedIn(), body.name()));
    }

    @GetMapping("/tokens")
    @Operation(summary = "我的 API 令牌 / my API tokens")
    List<TokenService.TokenView> listTokens() {
        return tokens.list(signedIn());
    }

    @DeleteMapping("/tokens/{id}")
    @Operation(summary = "撤销 API 令牌 / revoke an API token")
    ResponseEntity<Void> revokeToken(@PathVariable long id) {
        tokens.revoke(signedIn(), id);
        return ResponseEntity.noContent().build();
    }

    private Actor signedIn() {
        Actor actor = current.get();
        if (actor.isAnonymous() || actor.userId() <= 0) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "auth.required");
        }
        return actor;
    }
}
