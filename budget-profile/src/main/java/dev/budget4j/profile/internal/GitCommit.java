package dev.budget4j.profile.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit checked out in a directory, read from the {@code .git} files themselves: no git
 * process and no network. Handles worktrees ({@code .git} as a file), loose and packed refs.
 */
public final class GitCommit {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private GitCommit() {
    }

    /** The commit of the repository containing {@code start}, or empty when there is none. */
    public static Optional<String> of(Path start) {
        try {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path dotGit = dir.resolve(".git");
                if (Files.isDirectory(dotGit)) {
                    return head(dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String line = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                    if (line.startsWith("gitdir:")) {
                        return head(dir.resolve(line.substring("gitdir:".length()).trim()).normalize());
                    }
                    return Optional.empty();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> head(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (SHA.matcher(head).matches()) {
            return Optional.of(head);
        }
        if (!head.startsWith("ref:")) {
            return Optional.empty();
        }
        String ref = head.substring(4).trim();
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
        }
        for (Path dir : List.of(gitDir, common)) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
                if (SHA.matcher(sha).matches()) {
                    return Optional.of(sha);
                }
            }
        }
        for (Path dir : List.of(gitDir, common)) {
            Path packed = dir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    int space = line.indexOf(' ');
                    if (space > 0 && line.substring(space + 1).equals(ref) && SHA.matcher(line.substring(0, space)).matches()) {
                        return Optional.of(line.substring(0, space));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
