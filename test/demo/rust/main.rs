// Metric rules derived from log streams (axum).
use std::{collections::HashMap, net::SocketAddr, sync::Arc, time::Duration};

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::IntoResponse,
    routing::{get, post},
    Json, Router,
};
use serde::{Deserialize, Serialize};
use tokio::sync::RwLock;

const MAX_RULES: usize = 200;
const SAMPLE_INTERVAL: Duration = Duration::from_secs(60);

#[derive(Clone, Serialize, Deserialize)]
struct MetricRule {
    name: String,
    stream: String,
    window_seconds: u32,
}

type Rules = Arc<RwLock<HashMap<String, MetricRule>>>;

async fn list_rules(State(rules): State<Rules>) -> impl IntoResponse {
    let rules = rules.read().await;
    (StatusCode::OK, Json(rules.values().cloned().collect::<Vec<_>>()))
}

async fn get_rule(State(rules): State<Rules>, Path(name): Path<String>) -> Result<Json<MetricRule>, StatusCode> {
    rules.read().await.get(&name).cloned().map(Json).ok_or(StatusCode::NOT_FOUND)
}

async fn create_rule(State(rules): State<Rules>, Json(rule): Json<MetricRule>) -> impl IntoResponse {
    if rule.window_seconds == 0 || rule.window_seconds > 3600 {
        return (StatusCode::BAD_REQUEST, "window_seconds must be between 1 and 3600").into_response();
    }
    let mut rules = rules.write().await;
    if rules.len() >= MAX_RULES {
        return (StatusCode::TOO_MANY_REQUESTS, "at most 200 metric rules").into_response();
    }
    if rules.contains_key(&rule.name) {
        return (StatusCode::CONFLICT, "a rule with this name exists").into_response();
    }
    rules.insert(rule.name.clone(), rule.clone());
    (StatusCode::CREATED, Json(rule)).into_response()
}

#[tokio::main]
async fn main() {
    let rules: Rules = Arc::default();
    let app = Router::new()
        .route("/v2/metric-rules", get(list_rules).post(create_rule))
        .route("/v2/metric-rules/:name", get(get_rule))
        .route("/healthz", post(|| async { StatusCode::NO_CONTENT }))
        .with_state(rules);
    let addr = SocketAddr::from(([127, 0, 0, 1], 8082));
    println!("sampling every {} s, listening on {addr}", SAMPLE_INTERVAL.as_secs());
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    axum::serve(listener, app).await.unwrap();
}
