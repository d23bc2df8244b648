<?php

// Log groups (Laravel).

namespace App\Http\Controllers;

use App\Models\LogGroup;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Http\Response;

class LogGroupController extends Controller
{
    private const MAX_TTL_DAYS = 365;
    private const PAGE_SIZE = 50;
    private const CACHE_SECONDS = 600;

    public function index(Request $request): JsonResponse
    {
        $groups = LogGroup::orderBy('name')->paginate(self::PAGE_SIZE);
        return response()->json($groups, 200);
    }

    public function store(Request $request): JsonResponse
    {
        $ttl = (int) $request->input('ttl_in_days', 7);
        if ($ttl < 1 || $ttl > self::MAX_TTL_DAYS) {
            return response()->json(['error' => 'ttl_in_days must be between 1 and 365'], 400);
        }
        if (LogGroup::where('name', $request->input('name'))->exists()) {
            return response()->json(['error' => 'a log group with this name exists'], 409);
        }
        $group = LogGroup::create(['name' => $request->input('name'), 'ttl_in_days' => $ttl]);
        return response()->json($group, 201);
    }

    public function show(string $id): JsonResponse
    {
        $group = LogGroup::find($id);
        abort_if($group === null, 404, 'log group not found');
        return response()->json($group);
    }

    public function destroy(Request $request, string $id): Response
    {
        abort_unless($request->user()?->can('delete-log-groups'), 403);
        LogGroup::whereKey($id)->delete();
        return response()->noContent();
    }

    public function legacyIndex()
    {
        return redirect('/v2/log-groups');
    }
}
