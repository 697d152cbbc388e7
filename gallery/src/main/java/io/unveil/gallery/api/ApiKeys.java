package io.unveil.gallery.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * API keys, stored only as SHA-256 hashes (keys are 256-bit random tokens, so a slow hash adds nothing) with a scope
 * and a name. Lookup hashes the presented key and compares it with every stored hash in constant time, without an
 * early exit. Key file format, one per line: {@code NAME SCOPE sha256:HEX} ({@code #} comments).
 */
public final class ApiKeys {
    public record Key(String name, Scope scope, byte[] hash) {
    }

    private final List<Key> keys;

    public ApiKeys(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    public int size() {
        return keys.size();
    }

    /** The key's scope and name, or null when it matches no stored hash. */
    public Key authenticate(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > 512) return null;
        byte[] h = sha256(presented);
        Key found = null;
        for (Key k : keys) {
            if (MessageDigest.isEqual(k.hash(), h) && found == null) found = k;
        }
        return found;
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Key fromPlain(String name, Scope scope, String plain) {
        if (plain == null || plain.length() < 16) throw new IllegalArgumentException("API key for " + name + " must be at least 16 characters");
        return new Key(name, scope, sha256(plain));
    }

    /** A new random key: "uk_" + 43 url-safe base64 characters (256 bits). */
    public static String generate() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return "uk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The key-file line for a key (what an operator appends to the keys file). */
    public static String line(String name, Scope scope, String plain) {
        return name + " " + scope.name().toLowerCase(Locale.ROOT) + " sha256:" + HexFormat.of().formatHex(sha256(plain));
    }

    public static List<Key> readFile(Path file) {
        List<Key> out = new ArrayList<>();
        try {
            int n = 0;
            for (String raw : Files.readAllLines(file)) {
                n++;
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] p = line.split("\\s+");
                if (p.length != 3 || !p[2].startsWith("sha256:"))
                    throw new IllegalArgumentException(file + ":" + n + ": expected 'NAME SCOPE sha256:HEX'");
                Scope s;
                try {
                    s = Scope.valueOf(p[1].toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ":" + n + ": scope must be read or admin");
                }
                byte[] h = HexFormat.of().parseHex(p[2].substring(7));
                if (h.length != 32) throw new IllegalArgumentException(file + ":" + n + ": SHA-256 hash must be 64 hex digits");
                out.add(new Key(p[0], s, h));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read API keys file " + file, e);
        }
        return out;
    }

    /**
     * Makes a fresh admin key when none is configured: writes the plain key (owner-only file) for the CLI and the web
     * page to pick up, and returns its hashed entry.
     */
    public static Key bootstrapAdmin(Path plainKeyFile) {
        try {
            String plain;
            if (Files.isRegularFile(plainKeyFile)) {
                plain = Files.readString(plainKeyFile).strip();
            } else {
                plain = generate();
                Files.createDirectories(plainKeyFile.toAbsolutePath().getParent());
                Files.writeString(plainKeyFile, plain + "\n");
                try {
                    Files.setPosixFilePermissions(plainKeyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // non-POSIX file system
                }
            }
            return fromPlain("bootstrap-admin", Scope.ADMIN, plain);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the admin key file " + plainKeyFile, e);
        }
    }
}
