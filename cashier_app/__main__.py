from cashier_app.app.cli import main

raise SystemExit(main())
