using Medborgare.Collection.Apis;
using Medborgare.Collection.Extensions;
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
app.MapDefaultEndpoints();

app.Run();
