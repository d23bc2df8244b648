// Sample ASP.NET Core controller for the LTS Status Codes extension (integration tests).
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Lts.Samples;

[ApiController]
[Route("v2/{projectId}/groups/{groupId}/streams")]
public class StreamsController : ControllerBase
{
    private const int Width = 200;
    private readonly IStreamRepository repository;
    private readonly HttpClient client;

    public StreamsController(IStreamRepository repository, HttpClient client)
    {
        this.repository = repository;
        this.client = client;
    }

    // Returning 409 here would not be an LTS status code.
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<IActionResult> CreateLogStream(string groupId, [FromBody] StreamRequest body)
    {
        if (await repository.ExistsAsync(groupId, body.LogStreamName))
        {
            return Conflict(new { error_code = "LTS.0205", error_msg = "The log stream name has been existed" }); // expect: handler:409@CreateLogStream
        }
        if (repository.TooManyRequests())
        {
            return StatusCode(StatusCodes.Status429TooManyRequests, new { error_code = "LTS.0000" });
        }
        var stream = await repository.CreateAsync(groupId, body);
        return StatusCode(201, stream);
    }

    [HttpGet("{streamId}")]
    public async Task<IActionResult> GetLogStream(string streamId)
    {
        var stream = await repository.FindAsync(streamId);
        return stream is null ? NotFound() : Ok(stream);
    }

    public async Task<bool> SyncGroupsAsync()
    {
        var response = await client.GetAsync("https://lts.example.com/v2/groups");
        if ((int)response.StatusCode == 409)
        {
            return false;
        }
        return response.StatusCode != HttpStatusCode.NotFound;
    }
}
