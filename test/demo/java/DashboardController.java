// Dashboards over log streams (Spring Web).
package com.example.logs.dashboards;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/v2/dashboards")
public class DashboardController {
    private static final int MAX_CHARTS = 24;
    private static final Duration CACHE_TTL = Duration.ofSeconds(90);
    private static final long MAX_TITLE_LENGTH = 120;

    private final Map<String, Dashboard> dashboards = new ConcurrentHashMap<>();

    @GetMapping("/{id}")
    public ResponseEntity<Dashboard> get(@PathVariable String id) {
        Dashboard dashboard = dashboards.get(id);
        if (dashboard == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok(dashboard);
    }

    @PostMapping
    public ResponseEntity<?> create(@RequestHeader(value = "X-Auth-Token", required = false) String token,
                                    @RequestBody Dashboard body) {
        if (token == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (body.charts().size() > MAX_CHARTS || body.title().length() > MAX_TITLE_LENGTH) {
            return ResponseEntity.badRequest().body(Map.of("error", "at most 24 charts and a title of 120 characters"));
        }
        if (dashboards.putIfAbsent(body.id(), body) != null) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "dashboard exists"));
        }
        return ResponseEntity.created(URI.create("/v2/dashboards/" + body.id())).body(body);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader("X-Role") String role) {
        if (!"admin".equals(role)) {
            return ResponseEntity.status(403).build();
        }
        dashboards.remove(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalStateException.class)
    public ResponseEntity<Map<String, String>> unavailable(IllegalStateException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
    }

    public record Dashboard(String id, String title, List<String> charts) {}
}
