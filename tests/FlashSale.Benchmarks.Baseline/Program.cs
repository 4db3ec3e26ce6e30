using FlashSale.Api.Identity;
using FlashSale.Benchmarks.Baseline.Bare;
using FlashSale.Benchmarks.Baseline.Problems;
using FlashSale.Benchmarks.Baseline.Redis;

// Settings files sit beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddBaselineProblems();
builder.Services.AddFlashSaleAuthentication();
builder.Services.AddRedisCampaigns(builder.Configuration);

var app = builder.Build();

// Connect and load the claim script before serving: done lazily by the first claims, the blocking
// load starved the thread pool under a 128-connection rush and timed out.
if (!string.IsNullOrEmpty(app.Configuration["Redis:Configuration"]))
{
    app.Services.GetRequiredService<ClaimScript>();
}

app.UseBaselineExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapBare();
app.MapRedisCampaigns();

app.Run();
