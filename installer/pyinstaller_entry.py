"""What both frozen programs run: the windowed cashier-app and its console companion cashier-app-cli."""

from cashier_app.app.cli import main

raise SystemExit(main())
