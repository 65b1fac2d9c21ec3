# mypy: ignore-errors
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QMainWindow, QMenuBar, QSizePolicy,
    QSplitter, QStatusBar, QVBoxLayout, QWidget)

from curator.qt.elided_label import ElidedLabel

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1440, 880)
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.mainSplitter = QSplitter(self.centralWidget)
        self.mainSplitter.setObjectName(u"mainSplitter")
        self.mainSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.mainSplitter.setChildrenCollapsible(False)
        self.mainSplitter.setHandleWidth(6)
        self.listPane = QWidget(self.mainSplitter)
        self.listPane.setObjectName(u"listPane")
        self.listLayout = QVBoxLayout(self.listPane)
        self.listLayout.setSpacing(0)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.mainSplitter.addWidget(self.listPane)
        self.viewerPane = QWidget(self.mainSplitter)
        self.viewerPane.setObjectName(u"viewerPane")
        self.viewerLayout = QVBoxLayout(self.viewerPane)
        self.viewerLayout.setSpacing(4)
        self.viewerLayout.setObjectName(u"viewerLayout")
        self.viewerLayout.setContentsMargins(0, 6, 0, 6)
        self.documentTitle = ElidedLabel(self.viewerPane)
        self.documentTitle.setObjectName(u"documentTitle")

        self.viewerLayout.addWidget(self.documentTitle)

        self.mainSplitter.addWidget(self.viewerPane)
        self.formPane = QWidget(self.mainSplitter)
        self.formPane.setObjectName(u"formPane")
        self.formLayout = QVBoxLayout(self.formPane)
        self.formLayout.setSpacing(0)
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setContentsMargins(0, 6, 6, 0)
        self.mainSplitter.addWidget(self.formPane)

        self.centralLayout.addWidget(self.mainSplitter)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Evidence Curator", None))
#if QT_CONFIG(accessibility)
        MainWindow.setAccessibleName(QCoreApplication.translate("MainWindow", u"Evidence Curator", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.listPane.setAccessibleName(QCoreApplication.translate("MainWindow", u"Document list", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.viewerPane.setAccessibleName(QCoreApplication.translate("MainWindow", u"Document", None))
#endif // QT_CONFIG(accessibility)
        self.documentTitle.setText(QCoreApplication.translate("MainWindow", u"No document open", None))
#if QT_CONFIG(accessibility)
        self.documentTitle.setAccessibleName(QCoreApplication.translate("MainWindow", u"Document title", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.formPane.setAccessibleName(QCoreApplication.translate("MainWindow", u"Evidence", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

