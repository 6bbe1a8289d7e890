// Renders the spec with this mock listed first among the servers: "Try it out" calls the mock.
window.ui = SwaggerUIBundle({
  url: "/docs/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  // The base layout: no top bar inviting to explore some other spec.
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  validatorUrl: null
});
