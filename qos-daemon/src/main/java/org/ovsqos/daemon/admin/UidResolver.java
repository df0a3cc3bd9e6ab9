package org.ovsqos.daemon.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * Turns the user name of an SO_PEERCRED principal back into a uid.
 *
 * <p>The JDK reads the peer's uid from the kernel but exposes only a {@link
 * java.nio.file.attribute.UserPrincipal} whose name it got from getpwuid(3), or the decimal uid
 * when there is no passwd entry. There is no supported way to the number itself, so: a numeric
 * name is the uid; any other name is looked up in {@code /etc/passwd}.
 *
 * <p>Why {@code /etc/passwd} rather than getpwnam(3) through NSS (jnr-posix could call it): the
 * only decision made on the uid is "is it 0", and root is always a local account, so the files
 * database answers it exactly, in pure Java, without native code or a slow directory lookup on
 * the admin socket's thread. A user known only to LDAP/sssd resolves to no uid, which is treated
 * as "not root": the check fails closed. (Like any name round trip it trusts that the directory
 * does not define a second account named like a local uid-0 one; that would already be a
 * compromised directory.)
 */
final class UidResolver {
    static final Path PASSWD = Path.of("/etc/passwd");

    private final Path passwd;

    UidResolver() {
        this(PASSWD);
    }

    UidResolver(Path passwd) {
        this.passwd = passwd;
    }

    OptionalInt uidOf(String userName) {
        if (!userName.isEmpty() && userName.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return OptionalInt.of(Integer.parseUnsignedInt(userName));
            } catch (NumberFormatException tooLarge) {
                return OptionalInt.empty();
            }
        }
        try (BufferedReader reader = Files.newBufferedReader(passwd, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                // name:password:uid:gid:gecos:home:shell
                String[] fields = line.split(":", 4);
                if (fields.length >= 3 && fields[0].equals(userName)) {
                    return OptionalInt.of(Integer.parseUnsignedInt(fields[2]));
                }
            }
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
        return OptionalInt.empty();
    }
}
