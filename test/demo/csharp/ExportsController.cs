// Log exports to object storage (ASP.NET Core).
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace LogPlatform.Exports;

[ApiController]
[Route("v2/exports")]
public class ExportsController : ControllerBase
{
    private const int MaxRangeDays = 30;
    private const long MaxExportBytes = 5L * 1024 * 1024 * 1024;
    private static readonly TimeSpan QueueTimeout = TimeSpan.FromSeconds(45);

    private readonly IExportQueue queue;

    public ExportsController(IExportQueue queue) => this.queue = queue;

    [HttpGet("{id}")]
    public async Task<IActionResult> Get(string id)
    {
        var export = await queue.FindAsync(id);
        return export is null ? NotFound() : Ok(export);
    }

    [HttpPost]
    public async Task<IActionResult> Create([FromBody] ExportRequest request)
    {
        if ((request.To - request.From).TotalDays > MaxRangeDays)
        {
            return BadRequest(new { error = $"at most {MaxRangeDays} days per export" });
        }
        if (request.EstimatedBytes > MaxExportBytes)
        {
            return StatusCode(StatusCodes.Status413PayloadTooLarge, new { error = "export larger than 5 GiB" });
        }
        using var cts = new CancellationTokenSource(QueueTimeout);
        try
        {
            var export = await queue.EnqueueAsync(request, cts.Token);
            return StatusCode(StatusCodes.Status201Created, export);
        }
        catch (OperationCanceledException)
        {
            return StatusCode(408, new { error = "the export queue did not answer in 45 s" });
        }
        catch (QueueFullException)
        {
            return StatusCode(StatusCodes.Status429TooManyRequests, new { error = "too many exports running" });
        }
    }

    [HttpDelete("{id}")]
    public async Task<IActionResult> Cancel(string id)
    {
        if (!User.IsInRole("exporter"))
        {
            return Forbid();
        }
        return await queue.CancelAsync(id) ? NoContent() : NotFound();
    }
}

public record ExportRequest(DateTime From, DateTime To, string Bucket, long EstimatedBytes);
