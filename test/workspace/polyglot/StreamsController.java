// Sample Spring controller for the LTS Status Codes extension (integration tests).
package com.example.lts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/v2/{projectId}/groups/{groupId}/streams")
public class StreamsController {
    private static final int WIDTH = 200;
    private final StreamRepository repository;
    private final HttpClient client = HttpClient.newHttpClient();
    private int width = 200;

    public StreamsController(StreamRepository repository) {
        this.repository = repository;
    }

    // Returning 409 here would not be an LTS status code.
    @PostMapping
    public ResponseEntity<?> createLogStream(@PathVariable String groupId, @RequestBody StreamRequest body) {
        if (repository.exists(groupId, body.logStreamName())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(new ErrorBody("LTS.0205", "The log stream name has been existed")); // expect: handler:409@createLogStream
        }
        if (repository.tooManyRequests()) {
            return ResponseEntity.status(429).body(new ErrorBody("LTS.0000", "Too many requests"));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(repository.create(groupId, body));
    }

    @GetMapping("/{streamId}")
    public ResponseEntity<Stream> getLogStream(@PathVariable String streamId) {
        return repository.find(streamId).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
    }

    public boolean syncGroups() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://lts.example.com/v2/groups")).build();
        HttpResponse<String> resp = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() == 409) {
            return false;
        }
        return true;
    }

    record ErrorBody(String errorCode, String errorMsg) {}
}
