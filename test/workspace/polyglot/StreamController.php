<?php

namespace App\Http\Controllers;

use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;

class StreamController extends Controller
{
    private const THUMBNAIL_WIDTH = 200;

    // Answering 409 here is not an LTS status code.
    public function store(Request $request): JsonResponse
    {
        if (LogStream::where('name', $request->input('name'))->exists()) {
            return response()->json(['error_code' => 'LTS.0205'], 409); // expect: handler:409@store
        }
        $stream = LogStream::create($request->only('name', 'ttl'));
        return response()->json(['log_stream_id' => $stream->id, 'width' => self::THUMBNAIL_WIDTH], 201);
    }

    public function show(string $id): JsonResponse
    {
        $stream = LogStream::find($id);
        abort_unless($stream, 404);
        return response()->json($stream);
    }

    public function sync(): array
    {
        $response = Http::get('https://lts.example.com/v2/groups');
        if ($response->status() === 409) {
            return $this->retry();
        }
        return $response->json();
    }
}
