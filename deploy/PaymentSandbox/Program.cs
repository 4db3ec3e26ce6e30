using FlashSale.PaymentSandbox;
using Microsoft.Extensions.Configuration.Memory;

var builder = WebApplication.CreateBuilder(args);

// The defaults go under every other source, so that appsettings, environment and arguments override them key by key.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = SandboxDefaults.Configuration });
LoopbackOnly.Apply(builder.WebHost, builder.Configuration);
builder.Services.AddPaymentSandbox(builder.Configuration);

var app = builder.Build();

// Now rather than at the first notification: the key file is written at start, and a bad one stops the start.
app.Services.GetRequiredService<PlatformKey>();

app.MapMerchantApi();
app.MapShopperSide();
app.MapFaults();
app.MapStats();

await app.RunAsync();
