package io.yunqiao.web.security;

import io.yunqiao.problem.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, so that scripts call the REST API without a password (and without its deliberately slow
 * hash) on every request. A token is 256 random bits behind the prefix {@value #PREFIX}; only its SHA-256 is stored
 * (a fast hash is enough for a secret nobody can guess), it is shown once, its role is at most its user's (checked
 * again on every use, so demoting the user demotes the tokens), and it stops working when revoked, expired, or its
 * user is disabled or deleted. Tokens are created only on the screen, by a user signed in with a password.
 */
@Service
@Transactional
public class ApiTokens {

    /** What every token starts with, so that secret scanners and people recognise one. */
    public static final String PREFIX = "yqt_";
    /** Longest token name. */
    public static final int MAX_NAME = 100;
    /** Longest validity in days. */
    public static final int MAX_DAYS = 3650;
    /** Tokens per user. */
    public static final int MAX_PER_USER = 50;

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int HINT_LENGTH = PREFIX.length() + 6;
    /** The last-used time is written at most this often per token: a script's every call need not be a write. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final UserAccountRepository accounts;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, UserAccountRepository accounts, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A new token: its description, and the secret, to show now and never again. */
    public record Created(ApiTokenView token, String secret) {
    }

    /** Who a valid token speaks for, with the role it may use now. */
    record Holder(String username, Role role) {
    }

    /**
     * Creates a token for {@code username} named {@code name}, with {@code role} (at most the user's) and valid for
     * {@code days} (null: no expiry).
     */
    public Created create(String username, String name, Role role, Integer days) {
        UserAccount user = accounts.findByUsername(username).filter(UserAccount::enabled)
                .orElseThrow(() -> Problem.coded(Problem.Kind.INVALID, "username", "problem.security.tokenUser",
                        username));
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw Problem.coded(Problem.Kind.INVALID, "name", "problem.security.tokenName", MAX_NAME);
        }
        Role granted = role == null ? user.role() : role;
        if (granted.ordinal() > user.role().ordinal()) {
            throw Problem.coded(Problem.Kind.INVALID, "role", "problem.security.tokenRole", user.role().name());
        }
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw Problem.coded(Problem.Kind.INVALID, "days", "problem.security.tokenExpiry", MAX_DAYS);
        }
        if (tokens.countByUserId(user.id()) >= MAX_PER_USER) {
            throw Problem.coded(Problem.Kind.TOO_MANY, null, "problem.security.tooManyTokens", MAX_PER_USER);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        ApiToken token = tokens.save(new ApiToken(user.id(), cleanName, hash(secret),
                secret.substring(0, HINT_LENGTH), granted, now, days == null ? null : now.plus(Duration.ofDays(days))));
        LOG.info("API token '{}' ({}) created for user '{}' with role {}", cleanName, token.tokenHint(), username,
                granted);
        return new Created(view(token), secret);
    }

    /** {@code username}'s tokens, newest first. */
    @Transactional(readOnly = true)
    public List<ApiTokenView> list(String username) {
        return accounts.findByUsername(username)
                .map(user -> tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream().map(ApiTokens::view).toList())
                .orElse(List.of());
    }

    /** Revokes one of {@code username}'s own tokens: it stops working at once. */
    public void revoke(String username, long id) {
        ApiToken token = tokens.findById(id)
                .filter(t -> accounts.findByUsername(username).map(u -> u.id() == t.userId()).orElse(false))
                .orElseThrow(() -> Problem.coded(Problem.Kind.NOT_FOUND, null, "problem.security.tokenNotFound",
                        String.valueOf(id)));
        tokens.delete(token);
        LOG.info("API token '{}' ({}) of user '{}' revoked", token.name(), token.tokenHint(), username);
    }

    /** Who {@code secret} speaks for, if it is a live token of an enabled user. */
    Optional<Holder> holder(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(secret))
                .filter(token -> token.expiresAt() == null || token.expiresAt().isAfter(now))
                .flatMap(token -> accounts.findById(token.userId()).filter(UserAccount::enabled).map(user -> {
                    if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                        token.used(now);
                    }
                    Role role = token.role().ordinal() <= user.role().ordinal() ? token.role() : user.role();
                    return new Holder(user.username(), role);
                }));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static ApiTokenView view(ApiToken token) {
        return new ApiTokenView(token.id(), token.name(), token.tokenHint(), token.role(), token.createdAt(),
                token.lastUsedAt(), token.expiresAt());
    }
}
