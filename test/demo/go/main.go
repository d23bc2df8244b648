// Ingestion endpoint for log lines (net/http).
package main

import (
	"encoding/json"
	"errors"
	"io"
	"log"
	"net/http"
	"os"
	"time"
)

const (
	maxBatchBytes   = 4 << 20 // 4 MiB
	maxLinesPerCall = 10000
	readTimeout     = 10 * time.Second
)

type batch struct {
	Stream string   `json:"stream"`
	Lines  []string `json:"lines"`
}

var errStorageDown = errors.New("storage is not reachable")

func ingest(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		writeError(w, http.StatusMethodNotAllowed, "use POST")
		return
	}
	if r.Header.Get("X-Auth-Token") == "" {
		writeError(w, http.StatusUnauthorized, "missing X-Auth-Token")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBatchBytes))
	if err != nil {
		writeError(w, http.StatusBadRequest, "body larger than 4 MiB")
		return
	}
	var b batch
	if err := json.Unmarshal(body, &b); err != nil || len(b.Lines) > maxLinesPerCall {
		writeError(w, http.StatusBadRequest, "expected at most 10000 lines")
		return
	}
	if err := store(b); err != nil {
		if errors.Is(err, errStorageDown) {
			writeError(w, http.StatusServiceUnavailable, err.Error())
			return
		}
		writeError(w, http.StatusInternalServerError, "could not store the batch")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, "ok\n")
}

func writeError(w http.ResponseWriter, status int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": message})
}

func store(b batch) error {
	if b.Stream == "" {
		return errStorageDown
	}
	return nil
}

func main() {
	addr := os.Getenv("ADDR")
	if addr == "" {
		addr = "127.0.0.1:8081"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/v2/ingest", ingest)
	mux.HandleFunc("/healthz", health)
	srv := &http.Server{Addr: addr, Handler: mux, ReadTimeout: readTimeout, WriteTimeout: 30 * time.Second}
	log.Fatal(srv.ListenAndServe())
}
