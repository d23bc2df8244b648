// Sample net/http service for the LTS Status Codes extension (integration tests).
package main

import (
	"encoding/json"
	"net/http"
)

type layout struct{ Width, Height int }

var defaultLayout = layout{Width: 200, Height: 120}

// Returning 409 here would not be an LTS status code.
func createLogStream(w http.ResponseWriter, r *http.Request) {
	if exists(r.URL.Query().Get("name")) {
		w.WriteHeader(http.StatusConflict) // expect: handler:409@createLogStream
		return
	}
	w.WriteHeader(http.StatusCreated)
	json.NewEncoder(w).Encode(map[string]string{"log_stream_id": "id"})
}

func syncGroups(client *http.Client) error {
	resp, err := client.Get("http://localhost:8080/v2/groups")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == 409 {
		return syncGroups(client)
	}
	return nil
}

func exists(name string) bool { return name != "" }

func main() {
	http.HandleFunc("/v2/streams", createLogStream)
	http.ListenAndServe(":8080", nil)
}
