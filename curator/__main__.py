from curator.app import main

main()
