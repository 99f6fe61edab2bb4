package dev.citeassist.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replacing a file's bytes so that a crash at any instant leaves the old bytes or the new ones,
 * never a mix, and nothing else about the file changes.
 *
 * <p>The new bytes go to a temporary file in the same folder as the real file, named {@code
 * .<name>.citeassist-<pid>.tmp} so that anyone can tell what left it and {@link #cleanStale} can
 * remove it once its process is gone; it is flushed to the disk and renamed over the file. The
 * temporary file is deleted on any failure. A symbolic link is followed knowingly: the real target
 * is written (in its own folder) and the link stays a link. The file's POSIX permissions, owner and
 * group (or, elsewhere, its ACL) are copied to the temporary file before the rename; owner and
 * group only as far as the process may set them. A file with several hard links is refused, since a
 * rename would silently split it from its other names.
 *
 * <p>Thread-safe: updates within this process are serialised, so one temporary name per process is
 * enough. Two processes updating the same file at once may lose one update (last rename wins);
 * neither sees a torn file.
 */
public final class AtomicFile {

  /** What marks a temporary file of ours, between the file's name and the process id. */
  public static final String TEMP_MARK = ".citeassist-";

  private static final Pattern TEMP = Pattern.compile("^\\..+\\.citeassist-(\\d+)\\.tmp$");
  private static final long STALE_MILLIS = 3_600_000L;
  private static final ReentrantLock LOCK = new ReentrantLock();

  private AtomicFile() {}

  /**
   * Replaces the bytes of {@code file} (followed to its real target) by {@code change} applied to
   * the old bytes (null when the file does not exist; its folder must exist). Returns the new
   * bytes.
   *
   * @throws IOException when the file cannot be written; then it is unchanged and no temporary file
   *     is left
   */
  public static byte[] update(Path file, UnaryOperator<byte[]> change) throws IOException {
    LOCK.lock();
    try {
      Path real = realTarget(file);
      boolean exists = Files.exists(real, LinkOption.NOFOLLOW_LINKS);
      if (exists && !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        throw new FileSystemException(real.toString(), null, "not a regular file");
      }
      if (exists && !Files.isWritable(real)) {
        // A rename would replace it anyway (the folder is what allows that): respect the mode.
        throw new java.nio.file.AccessDeniedException(
            real.toString(), null, "the file is read-only");
      }
      if (exists) {
        int links = hardLinks(real);
        if (links > 1) {
          throw new FileSystemException(
              real.toString(),
              null,
              "it has " + links + " hard links, which replacing it would split");
        }
      }
      byte[] old = exists ? Files.readAllBytes(real) : null;
      byte[] bytes = change.apply(old);
      Path tmp = tempFile(real);
      // A leftover with our own process id is from a dead process that had the same id.
      Files.deleteIfExists(tmp);
      try {
        try (FileChannel ch =
            FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          ByteBuffer buf = ByteBuffer.wrap(bytes);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        }
        if (exists) {
          copyAttributes(real, tmp);
        }
        try {
          Files.move(
              tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          // Same folder, so only exotic file systems get here; still a single rename call.
          Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException | RuntimeException | Error e) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      syncFolder(real.getParent());
      return bytes;
    } finally {
      LOCK.unlock();
    }
  }

  /** Replaces the bytes of {@code file} by {@code bytes}, as {@link #update}. */
  public static void write(Path file, byte[] bytes) throws IOException {
    update(file, old -> bytes);
  }

  /**
   * Where writing {@code file} really lands: its real path with every symbolic link resolved, or,
   * for a file that does not exist yet, its nearest existing ancestor's real path followed by the
   * rest of the name.
   *
   * @throws NoSuchFileException for a symbolic link whose target does not exist (writing through it
   *     would create a file wherever the link points)
   */
  public static Path realTarget(Path file) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    if (Files.exists(abs)) {
      return abs.toRealPath();
    }
    if (Files.isSymbolicLink(abs)) {
      throw new NoSuchFileException(abs.toString(), null, "a symbolic link to a missing file");
    }
    Path existing = abs.getParent();
    while (existing != null && !Files.exists(existing)) {
      if (Files.isSymbolicLink(existing)) {
        throw new NoSuchFileException(
            existing.toString(), null, "a symbolic link to a missing folder");
      }
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
  }

  /** The temporary file that an update of {@code realFile} writes first. */
  public static Path tempFile(Path realFile) {
    return realFile.resolveSibling(
        "." + realFile.getFileName() + TEMP_MARK + ProcessHandle.current().pid() + ".tmp");
  }

  /**
   * Deletes the temporary files in {@code folder} that updates of other processes left behind:
   * those of processes no longer running, and any older than an hour (a process id reused by an
   * unrelated process). Best effort; returns how many were deleted.
   */
  public static int cleanStale(Path folder) {
    int deleted = 0;
    long self = ProcessHandle.current().pid();
    long old = System.currentTimeMillis() - STALE_MILLIS;
    try (var children = Files.newDirectoryStream(folder, ".*" + TEMP_MARK + "*.tmp")) {
      for (Path child : children) {
        Matcher m = TEMP.matcher(child.getFileName().toString());
        if (!m.matches()) {
          continue;
        }
        long pid;
        try {
          pid = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid == self) {
          continue; // this process's own, possibly being written; update() replaces it anyway
        }
        boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        if (running
            && Files.getLastModifiedTime(child, LinkOption.NOFOLLOW_LINKS).toMillis() > old) {
          continue;
        }
        if (Files.deleteIfExists(child)) {
          deleted++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover is removed by a later clean
    }
    return deleted;
  }

  private static int hardLinks(Path file) {
    try {
      Object n = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
      return n instanceof Integer i ? i : 1;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 1;
    }
  }

  /** Mode, then group and owner (as far as allowed), or the ACL where there is no POSIX view. */
  private static void copyAttributes(Path from, Path to) throws IOException {
    PosixFileAttributeView posix =
        Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (posix != null) {
      PosixFileAttributes a = posix.readAttributes();
      PosixFileAttributeView target =
          Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
      try {
        target.setGroup(a.group());
      } catch (IOException | SecurityException e) {
        // best effort: only a member of the group (or root) may set it
      }
      try {
        if (!a.owner().equals(target.getOwner())) {
          target.setOwner(a.owner());
        }
      } catch (IOException | SecurityException e) {
        // best effort: only root may give a file away
      }
      // After chown, which may clear set-id bits.
      target.setPermissions(a.permissions());
      return;
    }
    AclFileAttributeView acl = Files.getFileAttributeView(from, AclFileAttributeView.class);
    if (acl != null) {
      try {
        Files.getFileAttributeView(to, AclFileAttributeView.class).setAcl(acl.getAcl());
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        // best effort where the ACL cannot be set
      }
    }
  }

  /** Makes the rename durable too (POSIX); best effort elsewhere. */
  private static void syncFolder(Path folder) {
    try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform can open a folder; the rename itself is already atomic.
    }
  }
}
