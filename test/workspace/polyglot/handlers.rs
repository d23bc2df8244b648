// Sample axum service for the LTS Status Codes extension (integration tests).
use axum::{extract::Json, http::StatusCode, response::IntoResponse, routing::post, Router};

pub struct Layout {
    pub width: u32,
    pub height: u32,
}

pub const LAYOUT: Layout = Layout { width: 200, height: 120 };

// Returning 409 here would not be an LTS status code.
async fn create_log_stream(Json(name): Json<String>) -> impl IntoResponse {
    if exists(&name) {
        return (StatusCode::CONFLICT, "The log stream name has been existed"); // expect: handler:409@create_log_stream
    }
    (StatusCode::CREATED, "created")
}

pub async fn sync_groups(client: &reqwest::Client) -> reqwest::Result<bool> {
    let res = client.get("http://localhost:8080/v2/groups").send().await?;
    if res.status() == 409 {
        return Ok(false);
    }
    Ok(true)
}

fn exists(name: &str) -> bool {
    !name.is_empty()
}

pub fn app() -> Router {
    Router::new().route("/v2/streams", post(create_log_stream))
}
