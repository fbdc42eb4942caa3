package org.padlock.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Headless Chromium as a reader: loads a local HTML file and reports its DOM after load, the
 * console messages (Chromium logs every console message, including Content-Security-Policy
 * violations, as a {@code CONSOLE} line on stderr with {@code --enable-logging=stderr}) and the
 * network requests the page made (from Chromium's net log: URL requests started on behalf of a
 * {@code file://} page). Flags as in /work/.library/env/machines/java-maven.md.
 */
final class Chromium {
    /** What one page load showed. */
    record Load(int exit, String dom, List<String> console, List<String> pageRequests) {
    }

    private final String exe;
    private final Path work;
    private int runs;

    Chromium(String exe, Path work) {
        this.exe = exe;
        this.work = work;
    }

    private List<String> base(Path profile) {
        return new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile));
    }

    Load load(Path html) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("load" + (++runs)));
        Path net = dir.resolve("netlog.json");
        List<String> cmd = base(dir.resolve("profile"));
        cmd.addAll(List.of("--enable-logging=stderr", "--v=0", "--log-net-log=" + net, "--dump-dom",
                html.toUri().toString()));
        int exit = ExternalTool.run(cmd, dir.resolve("dom.html"), dir.resolve("stderr.txt"), 120);
        List<String> console = Files.readAllLines(dir.resolve("stderr.txt")).stream().filter(l -> l.contains(":CONSOLE")).toList();
        return new Load(exit, Files.readString(dir.resolve("dom.html")), console, pageRequests(net));
    }

    /** A screenshot of the page at the given window size. */
    int screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve("shot" + (++runs)));
        List<String> cmd = base(dir.resolve("profile"));
        cmd.addAll(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                html.toUri().toString()));
        return ExternalTool.run(cmd, dir.resolve("out.txt"), dir.resolve("err.txt"), 120);
    }

    /** URLs of requests started on behalf of a file:// page (not Chromium's own background requests). */
    private static List<String> pageRequests(Path netlog) throws IOException {
        JsonNode root = new ObjectMapper().readTree(netlog.toFile());
        int start = root.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        List<String> out = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            JsonNode p = e.path("params");
            if (e.path("type").asInt() == start && p.path("network_isolation_key").asText("").contains("file://")) {
                out.add(p.path("url").asText());
            }
        }
        return out;
    }
}
