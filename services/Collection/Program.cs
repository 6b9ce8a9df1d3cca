using Medborgare.Collection.Apis;
using Medborgare.Collection.Extensions;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.UseRateLimiter();
app.MapOpenApi();
app.MapOpenSurveysApi();
app.MapAnsweringApi();
app.MapFeedbackApi();
app.MapPublicCasesApi();
app.MapCasesApi();
app.MapQuarantineApi();
app.MapDefaultEndpoints();

app.Run();
