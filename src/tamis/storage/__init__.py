"""PostgreSQL storage: embedded server, engine, tables, migrations, repositories."""
