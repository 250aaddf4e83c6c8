"""Services: what the API, the console and the CLI call. They take a session and a tenant;
every query they run is scoped to that tenant."""
