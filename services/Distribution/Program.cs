using Medborgare.Distribution.Apis;
using Medborgare.Distribution.Extensions;
using Medborgare.Messaging.Quarantine;
using Medborgare.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseProblemDetailsForErrors();
app.MapOpenApi();
app.MapSurveysApi();
app.MapQuestionnaireApi();
app.MapFrameApi();
app.MapSampleApi();
app.MapInvitationsApi();
app.MapResponseRateApi();
app.MapPurgeApi();
app.MapQuarantineApi();
app.MapDefaultEndpoints();

app.Run();
