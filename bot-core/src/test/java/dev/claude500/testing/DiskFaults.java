package dev.claude500.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real disk faults for a test, made with the machine's own tools as root: files made immutable
 * ({@code chattr +i}, so that not even root can write them, as on a disk remounted read-only), and
 * a small {@code tmpfs} mounted for the test that can be filled up and freed (a full disk).
 *
 * <p>Each fault is undone when closed, and when the JVM exits before that (a shutdown hook), so that
 * no immutable file or mount is left behind in {@code target/}.
 *
 * <p>Where the machine cannot do it (not root, no {@code chattr}, a file system without the
 * immutable flag, no right to mount), the calling test is skipped with the reason, except under
 * {@code CI=true}, where it fails: CI runs as root on a machine that can.
 */
public final class DiskFaults {
  private static final Duration COMMAND_WAIT = Duration.ofSeconds(10);

  private DiskFaults() {}

  /**
   * Checks that files in {@code dir} can be made immutable here, by trying it on a probe file;
   * skips the calling test when not (fails under {@code CI=true}).
   */
  public static void requireImmutableFiles(Path dir) {
    Path probe = dir.resolve(".chattr-probe");
    try {
      Files.createDirectories(dir);
      Files.writeString(probe, "probe");
      String set = run("chattr", "+i", probe.toString());
      String unset = set.isEmpty() ? run("chattr", "-i", probe.toString()) : "";
      Files.deleteIfExists(probe);
      unavailable(set.isEmpty() ? unset : set, "chattr +i in " + dir);
    } catch (IOException e) {
      unavailable(e.toString(), "chattr +i in " + dir);
    }
  }

  /**
   * Makes every regular file in {@code dir} immutable ({@code chattr +i}): opening one for writing
   * fails, and so does writing through a descriptor opened before. {@link Immutable#close()} makes
   * them writable again.
   */
  public static Immutable immutable(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
    Immutable immutable = new Immutable(files);
    Runtime.getRuntime().addShutdownHook(immutable.undo);
    for (Path f : files) {
      String failed = run("chattr", "+i", f.toString());
      if (!failed.isEmpty()) {
        immutable.close();
        throw new IllegalStateException("chattr +i " + f + " failed: " + failed);
      }
    }
    return immutable;
  }

  /**
   * Mounts a fresh {@code tmpfs} of {@code bytes} on a new directory under {@code parent}; skips
   * the calling test when mounting is not possible here (fails under {@code CI=true}).
   */
  public static Tmpfs tmpfs(Path parent, long bytes) {
    Path dir;
    try {
      Files.createDirectories(parent);
      dir = Files.createTempDirectory(parent, "tmpfs-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a mount point under " + parent, e);
    }
    String failed = run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", dir.toString());
    unavailable(failed, "mount -t tmpfs on " + dir);
    Tmpfs tmpfs = new Tmpfs(dir);
    Runtime.getRuntime().addShutdownHook(tmpfs.undo);
    return tmpfs;
  }

  /** Files made immutable; closing makes them writable again. */
  public static final class Immutable implements AutoCloseable {
    private final List<Path> files;
    private final Thread undo = new Thread(this::writable, "disk-faults-undo");

    private Immutable(List<Path> files) {
      this.files = List.copyOf(files);
    }

    /** Returns the files made immutable. */
    public List<Path> files() {
      return files;
    }

    /** Makes the files writable again ({@code chattr -i}); safe to call twice. */
    @Override
    public void close() {
      writable();
      forget(undo);
    }

    private void writable() {
      for (Path f : files) {
        run("chattr", "-i", f.toString());
      }
    }
  }

  /** A small tmpfs mounted for a test; closing unmounts it. */
  public static final class Tmpfs implements AutoCloseable {
    private final Path dir;
    private final List<Path> fillers = new ArrayList<>();
    private final Thread undo = new Thread(this::unmount, "disk-faults-undo");

    private Tmpfs(Path dir) {
      this.dir = dir;
    }

    /** Returns the mount point. */
    public Path dir() {
      return dir;
    }

    /** Writes a filler file until the file system is full; returns the bytes written. */
    public long fill() {
      Path filler = dir.resolve("filler-" + fillers.size());
      fillers.add(filler);
      byte[] block = new byte[4096];
      long written = 0;
      try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE_NEW)) {
        while (true) {
          out.write(block);
          written += block.length;
        }
      } catch (IOException e) {
        if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
          throw new IllegalStateException("filling " + dir + " failed after " + written + " bytes", e);
        }
      }
      return written;
    }

    /** Deletes every filler file, freeing their space. */
    public void free() {
      for (Path f : fillers) {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          throw new IllegalStateException("cannot delete " + f, e);
        }
      }
      fillers.clear();
    }

    /** Unmounts the file system (lazily, should a file still be open) and removes the mount point. */
    @Override
    public void close() {
      unmount();
      forget(undo);
    }

    private void unmount() {
      run("umount", "-l", dir.toString());
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // the mount point stays in target/, harmless
      }
    }
  }

  private static void forget(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is exiting: the hook runs anyway, and undoing twice is harmless
    }
  }

  private static void unavailable(String failure, String what) {
    if (failure.isEmpty()) {
      return;
    }
    String why = what + " is not possible here (" + failure + ")";
    if (Postgres.isCi()) {
      Assertions.fail(why + "; CI=true, so this is a failure, not a skip");
    }
    Assumptions.abort(why + "; skipping (set CI=true to fail instead)");
  }

  /** Runs a command; returns an empty string when it succeeded, else what went wrong. */
  private static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish in " + COMMAND_WAIT.toSeconds() + " s";
      }
      String out = new String(p.getInputStream().readAllBytes()).strip();
      return p.exitValue() == 0 ? "" : String.join(" ", command) + ": exit " + p.exitValue() + " " + out;
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return String.join(" ", command) + ": interrupted";
    }
  }
}
